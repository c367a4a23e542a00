import type { z } from 'zod';
import type { appInfoSchema } from '../../../electron/shared/contract/app';

export type AppInfo = z.output<typeof appInfoSchema>;
