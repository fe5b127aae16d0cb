import { z } from 'zod';

// The page's content security policy forbids eval: zod must not probe for it with `new Function`
// (the probe is caught, but Chromium still reports a CSP violation), nor compile parsers with it.
z.config({ jitless: true });
