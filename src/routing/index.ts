export {
  calendarDaysBetween,
  formatLocalTime,
  isWithinBusinessHours,
  localDateKey,
  nextOpening,
  type ZonedParts,
  zonedParts,
  zonedTimeToDate,
} from './business-hours.js';
export { compareQueued, type QueuedHandoff, queueAhead } from './queue-order.js';
export { type RouteInput, type RouteResult, routeHandoff } from './router.js';
export {
  type Agent,
  agentSchema,
  type BusinessHours,
  businessHoursSchema,
  isValidTimeZone,
  type Team,
  type TeamInput,
  teamSchema,
  teamsSchema,
  timeToMinutes,
  type Weekday,
  weekdays,
} from './team.js';
export { estimateWaitSeconds, type WaitEstimateInput } from './wait-estimate.js';
export { alwaysOpen, weeklyHours, workWeek } from './weekly-hours.js';
