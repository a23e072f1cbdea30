"""The web UI's words in Russian (ids and placeholders as in English's, ``nutgraf.lang.messages``)."""

from __future__ import annotations

PLURAL_FORMS = ("one", "few", "many")


def plural(n: int) -> str:
    """The plural form of a count: "1 статья", "21 статья"; "2 статьи", "34 статьи"; "5 статей",
    "11 статей", "12 статей", "0 статей"."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


MESSAGES: dict[str, str] = {
    # the page frame
    "site.search_label": "Поиск по статьям",
    "site.search_placeholder": "Поиск",
    "site.search_button": "Найти",
    "site.feed": "Лента Atom",
    "site.api": "API",
    "site.api_docs": "Документация API",
    "site.api_reference": "Справочник API",
    "feed.stories_title": "Nutgraf: последние сюжеты",
    "feed.entity_title": "Nutgraf: {name}",
    "feed.summary.one": "{n} статья ({outlets})",
    "feed.summary.few": "{n} статьи ({outlets})",
    "feed.summary.many": "{n} статей ({outlets})",
    "feed.unknown_outlets": "источники неизвестны",
    # lists
    "pager.label": "Страницы",
    "pager.newer": "← Новее",
    "pager.older": "Старше →",
    "pager.range": "{first}–{last} из {total}",
    "articles.one": "{n} статья",
    "articles.few": "{n} статьи",
    "articles.many": "{n} статей",
    "outlet.unknown": "Неизвестный источник",
    "outlets.unknown": "источник неизвестен",
    "also_carried_by": "перепечатали: {outlets}",
    "also_carried_by.label": "перепечатали:",
    "article.number": "статья {id}",
    "article.generic": "статья",
    "quote.marks": "«{text}»",
    # dates
    "date.day": "{day} {month} {year}",
    "date.day_month": "{day} {month}",
    "date.range": "{first} — {last}",
    "month.1": "янв.",
    "month.2": "февр.",
    "month.3": "мар.",
    "month.4": "апр.",
    "month.5": "мая",
    "month.6": "июн.",
    "month.7": "июл.",
    "month.8": "авг.",
    "month.9": "сент.",
    "month.10": "окт.",
    "month.11": "нояб.",
    "month.12": "дек.",
    # the stories page
    "stories.title": "Сюжеты",
    "stories.language": "Язык",
    "stories.any_language": "любой",
    "stories.from": "С",
    "stories.to": "По",
    "stories.filter": "Показать",
    "stories.clear": "Сбросить",
    "stories.none_filtered": "Нет сюжетов, подходящих под эти условия.",
    "stories.none": "Сюжетов пока нет: загрузите статьи ({command}) или отправьте их POST-запросом на {endpoint}.",
    # a story
    "story.number": "Сюжет {id}",
    "story.read_in": "Читать на языке:",
    "story.original_languages": "языки оригинала",
    "story.digest": "Дайджест",
    "story.no_digest": "Дайджеста нет: в статьях нет предложений для краткого содержания.",
    "story.disagreements": "Источники расходятся",
    "story.timeline": "Хроника",
    "story.week_of": "неделя с {date}",
    "story.expected": "(ожидается)",
    "story.articles": "Статьи",
    "entities.heading": "Кто и где",
    "chart.title": "Статьи во времени, по языкам и источникам",
    "chart.caption": "Каждая точка — статья (пустая — перепечатка); строки — язык · источник.",
    "chart.scroll_hint": "Прокрутите вбок, чтобы увидеть весь график →",
    # an article
    "article.story": "сюжет {id}",
    "article.original": "оригинал",
    "article.copy_of": "копия: {link}",
    "summary.prompt": "Нет времени читать?",
    "summary.button": "Краткое содержание",
    "summary.loading": "Загрузка…",
    "summary.heading": "Кратко",
    "summary.none": "У этой статьи нет краткого содержания.",
    "neighbours.label": "Предыдущая и следующая статья",
    "neighbours.story": "В этом сюжете",
    "neighbours.feed": "В ленте",
    "neighbours.previous": "Предыдущая",
    "neighbours.next": "Следующая",
    "neighbours.none": "{label}: нет",
    "quotes.heading": "Цитаты",
    "citations.heading": "Ссылки на источники",
    # an entity
    "entity.type.PER": "человек",
    "entity.type.LOC": "место",
    "entity.type.ORG": "организация",
    "entity.mentions.one": "упоминается в {n} статье",
    "entity.mentions.few": "упоминается в {n} статьях",
    "entity.mentions.many": "упоминается в {n} статьях",
    "entity.quotes_total.one": "Всего {n} цитата.",
    "entity.quotes_total.few": "Всего {n} цитаты.",
    "entity.quotes_total.many": "Всего {n} цитат.",
    "entity.stories": "Сюжеты",
    # search
    "search.title": "Поиск",
    "search.words": "Что искать",
    "search.examples": "паром, ferry, Казань…",
    "search.results.one": "Найдена {n} статья по запросу «{query}» (с учётом словоформ).",
    "search.results.few": "Найдено {n} статьи по запросу «{query}» (с учётом словоформ).",
    "search.results.many": "Найдено {n} статей по запросу «{query}» (с учётом словоформ).",
    "search.story": "сюжет",
    "search.empty": "Введите слово или два, чтобы искать.",
    # errors
    "error.400": "Запрос не удалось понять",
    "error.401": "Для этого нужен токен",
    "error.403": "Нет доступа",
    "error.404": "Не найдено",
    "error.405": "Здесь так нельзя",
    "error.422": "Это не удалось прочитать",
    "error.500": "Что-то пошло не так",
    "error.503": "База данных недоступна",
    "error.unknown": "Ошибка",
    "error.status": "Ошибка {status}.",
    "error.back": "{link} или воспользуйтесь поиском выше.",
    "error.back_link": "Вернуться к сюжетам",
    "error.nothing_at": "По адресу {path} ничего нет.",
    "error.check": "Проверьте поля: {fields}.",
    "error.server": "Сервер не смог ответить на этот запрос; ошибка записана в его журнал.",
}
