import type { JobHandler } from '../../../platform/jobs/index.js';
import type { AppContext, ModulePlugin } from '../../../platform/module.js';
import { interactionErrors } from './interaction.errors.js';
import { registerInteractionPages } from './interaction.pages.js';
import { interactionRoutes } from './interaction.routes.js';
import { createMessageIntake } from './message-intake.js';
import { messageReminderHandler, messageReminderQueue } from './message-reminders.js';
import { createMessageService } from './message.service.js';
import { createSurveyService } from './survey.service.js';
import './interaction.audit.js';
import './interaction.table.js';

export { interactionErrors };
export { acceptPortalForms } from './interaction.forms.js';
export { interactionSealedColumns } from './message-personal.js';
export { unansweredValidMessages, messageStatistics } from './message-statistics.js';
export { messageReminderQueue } from './message-reminders.js';
export type * from './interaction.table.js';

/** The interaction area's services for an application (the routes, the pages and the seed use them). */
export function interactionServices(ctx: AppContext) {
  return {
    intake: createMessageIntake(ctx),
    messages: createMessageService(ctx),
    surveys: createSurveyService(ctx),
  };
}

/** Interaction (互动交流): leader mailbox, consultation, complaints, surveys and calls for opinions. */
export const interactionApi: ModulePlugin = async (app, { ctx }) => {
  const { messages, surveys } = interactionServices(ctx);
  await app.register(interactionRoutes, { ctx, messages, surveys });
};

/** The public pages, served by the site router under every site's `/interaction/`. */
export const interactionPages: ModulePlugin = async (_app, { ctx }) => {
  const { intake, surveys } = interactionServices(ctx);
  registerInteractionPages(ctx, { intake, surveys });
};

/** The answer-limit reminders (two months, 80 days, overdue). */
export function interactionJobs(ctx: AppContext): Record<string, JobHandler> {
  return { [messageReminderQueue]: messageReminderHandler(ctx) };
}
