// Verifies a webhook with the Standard Webhooks reference library (JavaScript), independent of
// GospeLib's own code. Reads {secret, headers, body} as JSON on stdin; prints "ok" or the error.
import { Webhook } from 'standardwebhooks';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { secret, headers, body } = JSON.parse(input);
try {
  new Webhook(secret).verify(body, headers);
  console.log('ok');
} catch (e) {
  console.log('rejected: ' + e.message);
}
