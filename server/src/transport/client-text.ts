// Anything a client sent, made safe to put in a log line, an alert, a log event or an error: always a string,
// never longer than asked, never throwing. A socket.io event name can be any JSON value (a number, an object
// whose `toString` is a number, a 10 kB string), and so can every header or payload field before its schema.

// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function clientText(value: unknown, max = 200): string {
  let text: string;
  try {
    if (typeof value === 'string') text = value;
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') text = String(value);
    else if (value === null) text = 'null';
    else if (value === undefined) text = 'undefined';
    else if (Array.isArray(value)) text = `[array(${value.length})]`;
    else if (typeof value === 'object')
      text = `[object(${Object.keys(value)
        .slice(0, 5)
        .map((k) => k.slice(0, 20))
        .join(',')})]`;
    else text = `[${typeof value}]`;
  } catch {
    text = '[unprintable]';
  }
  const bounded = text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
  return bounded.replace(CONTROL, '�');
}
