import { z } from 'zod';

// Validation messages default to Chinese; schemas may still give their own.
z.config(z.locales.zhCN());
