// The API page. Its OpenAPI document needs a credential like every route but health, so the page reuses the
// dashboard's sign-in of this tab (sessionStorage, same origin) or asks for an API key or a token, and Swagger UI
// sends it in a header with every request it makes (the document and "Try it out"). Nothing is loaded from
// elsewhere: the page's CSP allows only this origin.
const STORAGE_KEY = 'smartcamp.credential';

function authHeaders(value) {
  return /^sck_/.test(value) ? { 'X-API-Key': value } : { Authorization: 'Bearer ' + value };
}

function show(value) {
  document.getElementById('signin').hidden = true;
  window.ui = SwaggerUIBundle({
    url: '/api/v1/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
    requestInterceptor: req => {
      Object.assign(req.headers, authHeaders(value));
      return req;
    }
  });
}

window.onload = function () {
  const form = document.getElementById('signin');
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const value = document.getElementById('credential').value.trim();
    if (value) {
      sessionStorage.setItem(STORAGE_KEY, value);
      show(value);
    }
  });
  const saved = sessionStorage.getItem(STORAGE_KEY);
  if (saved) {
    show(saved);
  } else {
    form.hidden = false;
  }
};
