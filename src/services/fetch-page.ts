/**
 * Fetch an article from a URL for import. The server makes the request, so a URL is a way to make
 * it reach what the editor cannot: http and https only, a time and a size limit, and every address
 * the name resolves to (on every redirect) must be a public one, unless the operator allows
 * private addresses (RETOUCHE_ALLOW_PRIVATE_URLS=1, for an intranet CMS or the tests).
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import ipaddr from 'ipaddr.js';
import { ServiceError } from './errors.js';
import { MAX_ARTICLE_BYTES } from './limits.js';

/** Which addresses a URL import may reach, and how long it may take. */
export interface UrlPolicy {
  isAllowedAddress(address: string): boolean;
  timeoutMs: number;
}

export interface FetchedFile {
  /** The last part of the URL's path ("story.html"), or "page" when it has none. */
  name: string;
  bytes: Uint8Array;
  /** The Content-Type the server sent. */
  mediaType: string | undefined;
}

/** A page that has not arrived whole in this time is given up. */
const FETCH_TIMEOUT_MS = 10_000;
const MAX_REDIRECTS = 5;
const ACCEPT = 'text/html, application/xhtml+xml, application/vnd.openxmlformats-officedocument.wordprocessingml.document, '
  + 'application/xliff+xml, text/markdown, text/plain;q=0.9, */*;q=0.1';

/** The policy the server runs with: public addresses only unless `allowPrivateAddresses`. */
export function createUrlPolicy(options: { allowPrivateAddresses: boolean }): UrlPolicy {
  return { isAllowedAddress: options.allowPrivateAddresses ? () => true : isPublicAddress, timeoutMs: FETCH_TIMEOUT_MS };
}

/**
 * Whether an address is a public unicast one: not loopback, private (10/8, 172.16/12, 192.168/16,
 * fc00::/7), link-local (169.254/16 with the cloud metadata services, fe80::/10), carrier-grade
 * NAT, multicast, reserved, unspecified, nor a private IPv4 address inside IPv6 (::ffff:10.0.0.1).
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** Fetch `address` within `policy`; every failure is a ServiceError saying what went wrong. */
export async function fetchPage(address: string, policy: UrlPolicy): Promise<FetchedFile> {
  let url = parseHttpUrl(address);
  const deadline = AbortSignal.timeout(policy.timeoutMs);
  for (let redirects = 0; ; redirects++) {
    const response = await request(url, policy, deadline);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location) {
      response.resume();
      if (redirects >= MAX_REDIRECTS) throw new ServiceError('invalid-input', `${url.href} redirects more than ${MAX_REDIRECTS} times.`);
      url = parseHttpUrl(new URL(location, url).href);
      continue;
    }
    if (status !== 200) {
      response.resume();
      throw new ServiceError('invalid-input', `The server answered ${status} ${response.statusMessage ?? ''}`.trimEnd() + ` for ${url.href}: check the URL.`);
    }
    const bytes = await readBody(response, url, deadline, policy.timeoutMs);
    const name = decodeURIComponent(url.pathname.split('/').pop() ?? '') || 'page';
    return { name, bytes, mediaType: response.headers['content-type'] };
  }
}

function parseHttpUrl(address: string): URL {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new ServiceError('invalid-input', `"${address}" is not a URL: give the full address, starting with https://.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ServiceError('invalid-input', `Retouche fetches only http and https URLs, not ${url.protocol.replace(/:$/, '')}.`);
  }
  if (url.username || url.password) throw new ServiceError('invalid-input', 'Give the URL without a user name or password in it.');
  return url;
}

function request(url: URL, policy: UrlPolicy, deadline: AbortSignal): Promise<http.IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An address written in the URL is never looked up, so it is checked here; names are checked
  // as they resolve, on the very addresses the connection then uses.
  if (net.isIP(host) !== 0 && !policy.isAllowedAddress(host)) return Promise.reject(refused(url, host));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(url, {
      method: 'GET',
      headers: { Accept: ACCEPT, 'Accept-Encoding': 'gzip, deflate, br', 'User-Agent': 'Retouche article import' },
      signal: deadline,
      agent: false,
      lookup: checkedLookup(policy),
    }, resolve);
    outgoing.on('error', (error) => reject(describeFailure(error, url, policy.timeoutMs)));
    outgoing.end();
  });
}

class RefusedAddress extends Error {
  constructor(readonly address: string) {
    super(`refused address ${address}`);
  }
}

function checkedLookup(policy: UrlPolicy): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as dns.LookupAddress[];
      const forbidden = list.find((entry) => !policy.isAllowedAddress(entry.address));
      if (forbidden) return callback(new RefusedAddress(forbidden.address), '', 0);
      if (options.all) return (callback as unknown as (error: null, addresses: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

async function readBody(response: http.IncomingMessage, url: URL, deadline: AbortSignal, timeoutMs: number): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_ARTICLE_BYTES) {
    response.destroy();
    throw tooLarge(url);
  }
  const decoder = createDecoder(response.headers['content-encoding']);
  // pipeline, unlike pipe, passes a failure of the response (a time-out) on to the decoder.
  const body: Readable = decoder ? pipeline(response, decoder, () => {}) : response;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      // Counted after decompression: a small gzip can unpack to gigabytes.
      if (size > MAX_ARTICLE_BYTES) throw tooLarge(url);
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    response.destroy();
    if (error instanceof ServiceError) throw error;
    throw describeFailure(deadline.aborted ? deadline.reason : error, url, timeoutMs);
  }
  return Buffer.concat(chunks);
}

function createDecoder(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip': case 'x-gzip': return zlib.createGunzip();
    case 'deflate': return zlib.createInflate();
    case 'br': return zlib.createBrotliDecompress();
    default: return undefined;
  }
}

function describeFailure(error: unknown, url: URL, timeoutMs: number): ServiceError {
  if (error instanceof ServiceError) return error;
  if (error instanceof RefusedAddress) return refused(url, error.address);
  const name = (error as { name?: unknown })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ServiceError('invalid-input', `${url.href} did not answer within ${timeoutMs / 1000} seconds. Try again, or save the page and upload it.`);
  }
  const code = (error as { code?: unknown })?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new ServiceError('invalid-input', `There is no server named ${url.hostname}: check the URL.`);
  return new ServiceError('invalid-input', `${url.href} could not be fetched (${(error as Error)?.message ?? String(error)}).`);
}

function refused(url: URL, address: string): ServiceError {
  return new ServiceError('invalid-input', `Retouche does not fetch ${url.hostname} (${address}): it is a private, loopback or reserved address. `
    + 'Save the page and upload it, or ask an administrator to allow private addresses.');
}

function tooLarge(url: URL): ServiceError {
  return new ServiceError('too-large', `${url.href} is larger than the ${MAX_ARTICLE_BYTES / (1024 * 1024)} MB limit. Save the article and upload it.`);
}
