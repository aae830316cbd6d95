import { serve } from 'tour/http';

// GET /format?helloTo=Bryan → "Hello, Bryan!"; a name with anything but letters gets a 400
serve(8081, (req) => {
  const name = req.query.helloTo;
  if (!/^\p{L}+$/u.test(name)) return { status: 400, body: `"${name}" is not a name` };
  return `Hello, ${name}!`;
});
