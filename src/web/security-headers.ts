import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** What the pages may load: only Retouche's own scripts, styles and forms. */
const DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
};

// Over HTTPS, browsers are told to stay on HTTPS (HSTS) and to fetch everything over it. Over plain
// HTTP (a newsroom LAN, http://<server address>:3000) the same headers would make the browser ask
// for the stylesheet, the script and the login form over an HTTPS nobody serves: an unstyled page
// whose Log in silently does nothing. Browsers ignore HSTS over HTTP anyway.
const overHttps = helmet({ contentSecurityPolicy: { directives: DIRECTIVES } });
const overHttp = helmet({
  contentSecurityPolicy: { directives: { ...DIRECTIVES, upgradeInsecureRequests: null } },
  strictTransportSecurity: false,
});

/** The security headers fit for the connection: HTTPS directly or, with TRUST_PROXY, through the proxy. */
export const sendSecurityHeaders: RequestHandler = (request, response, next) => {
  (request.secure ? overHttps : overHttp)(request, response, next);
};
