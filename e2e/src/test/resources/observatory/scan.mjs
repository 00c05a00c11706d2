// Runs the MDN HTTP Observatory's own retriever and tests against one host and port: its CLI
// (mdn-http-observatory-scan) takes a host name only and scans ports 80 and 443.
// Usage: node scan.mjs HOST HTTP_PORT HTTPS_PORT PATH; prints {test: {pass, result}} as JSON.
import { retrieve } from "@mdn/mdn-http-observatory/src/retriever/retriever.js";
import { ALL_RESULTS, ALL_TESTS } from "@mdn/mdn-http-observatory/src/constants.js";

const [host, httpPort, httpsPort, path] = process.argv.slice(2);
const retrieved = await retrieve(host, { httpPort, httpsPort, path });
if (!retrieved.responses.auto) {
  console.log(JSON.stringify({ error: "no answer from " + host + ":" + httpPort }));
  process.exit(2);
}
const results = {};
ALL_TESTS.forEach((test, i) => {
  const output = test(retrieved);
  results[ALL_RESULTS[i].name] = { pass: output.pass, result: output.result };
});
console.log(JSON.stringify({ status: retrieved.responses.auto.status, tests: results }));
