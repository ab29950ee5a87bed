/** The engine's own loop: one arm of a lesson trained through Experiment. Prints one JSON line. */
import { findLesson } from '../lessons/registry';
import { knobsOf, lessonWorldConfig } from '../src/lesson/knobs';
import { initNodeBackend } from '../src/cli/nodeBackend';
import type { Settings } from '../src/lesson/types';
import { Experiment } from '../src/train/experiment';
import { generateWorld } from '../src/world/generate';
import { flag } from './flags';

const backend = flag('backend', 'wasm') as 'wasm' | 'cpu';
const lesson = findLesson(flag('lesson', 'training-modes'))!;
const armId = flag('arm', 'listwise');
const steps = Number(flag('steps', '100'));
await initNodeBackend(backend);
const settings: Settings = Object.fromEntries(knobsOf(lesson).map((k) => [k.id, k.default]));
const world = generateWorld(lessonWorldConfig(lesson, settings));
const experiment = new Experiment(world, lesson.arms(settings).filter((a) => a.id === armId), settings);
await experiment.train(5);
const t0 = performance.now();
await experiment.train(steps);
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ kind: `engine:${armId}`, backend, steps, seconds, stepsPerSecond: steps / seconds, examplesPerSecond: (steps * settings.batch) / seconds }));
