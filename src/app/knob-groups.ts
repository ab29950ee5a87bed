/** How the control panel groups the shared knobs (lesson knobs form their own group). */
export const TRAINING_KNOB_IDS = ['steps', 'lr', 'batch', 'dim', 'temperature'];
export const WORLD_KNOB_IDS = ['seed', 'users', 'items', 'zipf', 'clicks'];
