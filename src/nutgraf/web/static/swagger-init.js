// Starts Swagger UI on /docs. A file of ours rather than an inline script, so that the page's
// Content-Security-Policy allows no inline script; the bundle itself comes from fastapi-offline.
"use strict";
(function () {
  var node = document.getElementById("swagger-ui");
  if (!node || typeof window.SwaggerUIBundle === "undefined") {
    return;
  }
  var bundle = window.SwaggerUIBundle;
  window.ui = bundle({
    url: node.getAttribute("data-openapi"),
    dom_id: "#swagger-ui",
    layout: "BaseLayout",
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    validatorUrl: null, // the default asks validator.swagger.io: nothing leaves this machine
    presets: [bundle.presets.apis, bundle.SwaggerUIStandalonePreset],
  });
})();
