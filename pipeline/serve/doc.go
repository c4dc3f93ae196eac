// Package serve is stimmung's HTTP server: a JSON API under /v1 (analyze,
// search, facets, report, one comment with its explanation, the follow-up
// queue), /healthz and /metrics, and the web page for analysts, embedded
// from web/.
//
// It is safe by default: loopback only unless a token is set (then needed
// on every request), read-only unless writes are allowed, bodies, pages
// and queries bounded, timeouts on every connection, security headers and
// a content security policy without inline script on the page, and only
// the embedded files and the index reachable. Searches go on while a
// request indexes comments through the one writer. The analysts' marks
// on the follow-up queue live in a bbolt file beside the index (Store),
// which stimmung report --index exports with the queue.
package serve
