import { TRAINING_KNOBS } from '../train/settings';

/** How the control panel groups the shared knobs (lesson knobs form their own group). */
export const TRAINING_KNOB_IDS = TRAINING_KNOBS.filter((k) => !k.world).map((k) => k.id);
export const WORLD_KNOB_IDS = TRAINING_KNOBS.filter((k) => k.world).map((k) => k.id);
