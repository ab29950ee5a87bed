import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { LessonContent } from '../../lesson/content';
import type { SweepDef } from '../../lesson/sweep';
import type { LessonDef, Text } from '../../lesson/types';
import { ExportMenu } from '../classroom/ExportMenu';
import { useLabKeys } from '../classroom/lesson-keys';
import { PresenterHead, WatchList } from '../classroom/PresenterHead';
import { useClassroom } from '../classroom/state';
import { ct } from '../classroom/text';
import { ArmTable } from '../components/ArmTable';
import { ArmToggles, KnobPanel, Transport } from '../components/Controls';
import { RichText, Tex } from '../components/Tex';
import { TowerDiagram } from '../components/TowerDiagram';
import { armColor } from '../colors';
import type { Lang, LessonConfig } from '../config';
import { t, tx } from '../i18n';
import { type LabSession, useLabSession } from '../lab-client';
import type { LessonPageDef } from '../lesson-page';
import { showStorageNotices } from '../storage';
import { dismissNotice, useConfig, useRun } from '../store';
import { lessonText } from '../../../lessons/pages';
import { waitingSnapshot } from '../waiting-snapshot';
import { useLessonPage } from './useLessonPage';

/** The charts' code (recharts) loads after the lesson's text is on screen. */
const Charts = lazy(() => import('../panels/Charts').then((m) => ({ default: m.Charts })));
const LessonPanels = lazy(() => import('../panels/LessonPanels').then((m) => ({ default: m.LessonPanels })));

const NO_SWEEPS: SweepDef[] = [];

/** A lesson's page: the shell's parts, and the lesson's own (texts, panels, sweeps) once loaded. */
export function LessonPage({ lesson, config }: { lesson: LessonDef; config: LessonConfig }) {
  const state = useLessonPage(lesson.id);
  const text = lessonText(lesson.id);
  const [restartKey, setRestartKey] = useState(0);
  // Started with the lesson's text, not after its page's code: the worker builds the world meanwhile (~1 s sooner on 2 cores).
  const session = useLabSession(lesson.id, config, restartKey, (state.status === 'ready' && state.page?.sweeps) || NO_SWEEPS);
  const restart = useCallback(() => setRestartKey((k) => k + 1), []);
  if (state.status === 'ready') return <LessonLab lesson={lesson} config={config} page={state.page} session={session} restart={restart} />;
  const lang = config.lang;
  return (
    <main className="lesson" data-testid="lesson-page" data-lang={lang}>
      <LessonHead lesson={lesson} lang={lang} />
      {text && !config.present && <LessonIntro lesson={lesson} content={text} lang={lang} dim={config.settings.dim} />}
      {state.status === 'error' ? (
        <div className="notice error" role="alert" data-testid="error">
          <span>
            <b>{t(lang, 'error')}:</b> {state.message}
          </span>
        </div>
      ) : (
        <Loading text={t(lang, 'phase_loading')} />
      )}
    </main>
  );
}

function LessonHead({ lesson, lang }: { lesson: LessonDef; lang: Lang }) {
  return (
    <section className="lesson-head">
      <h1>{tx(lang, lesson.title)}</h1>
      <p className="lesson-sub">{lang === 'zh' ? lesson.title.en : lesson.title.zh}</p>
      <p className="summary">{tx(lang, lesson.summary)}</p>
    </section>
  );
}

/** `inline`: a line above the charts that wait under it, not a box in their place. */
function Loading({ text, inline }: { text: string; inline?: boolean }) {
  return (
    <div className={inline ? 'loading inline' : 'loading'} data-testid="loading">
      <div className="spinner" aria-hidden />
      <span>{text}</span>
    </div>
  );
}

interface LessonLabProps {
  lesson: LessonDef;
  config: LessonConfig;
  page: LessonPageDef | null;
  session: LabSession;
  /** A new worker for the same lesson (after an error). */
  restart: () => void;
}

function LessonLab({ lesson, config, page, session, restart }: LessonLabProps) {
  const lang = config.lang;
  // After the session's effect (which starts the run state afresh): notices of unreadable saved settings.
  useEffect(showStorageNotices, []);
  const update = useConfig((s) => s.update);
  const urlNotices = useConfig((s) => s.urlNotices);
  const dismissUrl = useConfig((s) => s.dismissUrlNotices);
  const run = useRun();
  const content = page?.content;
  const labels = useMemo(() => {
    const out: Record<string, Text> = {};
    for (const spec of lesson.arms(config.settings)) out[spec.id] = spec.label;
    return out;
  }, [lesson, config.settings]);
  const snapshot = run.snapshot;
  // The arms' run, once the worker has the world and the untrained arms' evaluations.
  const live = snapshot && run.baselines && snapshot.phase !== 'loading' ? { snapshot, baselines: run.baselines } : null;
  const waiting = useMemo(() => waitingSnapshot(lesson, config.arms, config.settings), [lesson, config.arms, config.settings]);
  const onKnob = useCallback((id: string, v: number) => update({ settings: { [id]: v } }), [update]);
  const busy = snapshot?.phase === 'loading' || (!!run.status && !snapshot);
  const sharedCharts = page?.sharedCharts ?? true;
  const stepSize = lesson.evaluateEvery ?? 10;
  useLabKeys(lesson, config, session.send, stepSize);
  const present = config.present;
  const knobsOpen = useClassroom((s) => s.knobs);

  return (
    <main className="lesson" data-testid="lesson-page" data-lang={lang}>
      <LessonHead lesson={lesson} lang={lang} />

      {urlNotices.length > 0 && (
        <div className="notice warn" role="status" data-testid="url-notices">
          <div>
            <b>{t(lang, 'linkNotice')}</b>
            <ul>
              {urlNotices.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
          <button className="btn ghost" onClick={dismissUrl}>
            {t(lang, 'dismiss')}
          </button>
        </div>
      )}

      {present ? <PresenterHead lesson={lesson} content={content} lang={lang} /> : content && <LessonIntro lesson={lesson} content={content} lang={lang} dim={config.settings.dim} />}

      <section className="lab" data-testid="lab">
        <aside className="panel">
          <Transport lang={lang} snapshot={snapshot} send={session.send} busy={busy} stepSize={stepSize} />
          <ExportMenu lesson={lesson} config={config} />
          {run.hiddenPause && <p className="muted small">{t(lang, 'phase_paused')} (tab hidden)</p>}
          <h3 className="panel-title">{t(lang, 'arms')}</h3>
          <ArmToggles lesson={lesson} lang={lang} config={config} snapshot={snapshot} onChange={(arms) => update({ arms })} />
          {present ? (
            <button className="btn knob-drawer" aria-expanded={knobsOpen} aria-keyshortcuts="K" data-testid="knob-drawer" onClick={() => useClassroom.setState({ knobs: !knobsOpen })}>
              {ct(lang, 'knobs')} <kbd>K</kbd>
            </button>
          ) : (
            <h3 className="panel-title">{t(lang, 'controls')}</h3>
          )}
          {(!present || knobsOpen) && <KnobPanel lesson={lesson} lang={lang} settings={config.settings} onChange={onKnob} />}
        </aside>
        <div className="lab-main">
          {run.notices.length > 0 && (
            <div className="notices" data-testid="notices">
              {run.notices.map((n) => (
                <div key={n.key} className={`notice ${n.level}`} role="status">
                  <span>{tx(lang, n.text)}</span>
                  <button className="btn ghost" aria-label={t(lang, 'dismiss')} onClick={() => dismissNotice(n.key)}>
                    ×
                  </button>
                </div>
              ))}
            </div>
          )}
          {run.error && (
            <div className="notice error" role="alert" data-testid="error">
              <span>
                <b>{t(lang, 'error')}:</b> {run.error}
              </span>
              <button className="btn" onClick={restart}>
                {t(lang, 'retry')}
              </button>
            </div>
          )}
          {run.world && (
            <p className="world-line muted small" data-testid="world">
              {t(lang, 'world')}: seed {run.world.seed} · {run.world.users.toLocaleString()} · {run.world.items.toLocaleString()} · {run.world.trainClicks.toLocaleString()} · {run.world.testClicks.toLocaleString()}{' '}
              <span className="dim">({t(lang, 'worldLine')})</span>
            </p>
          )}
          {!live && <Loading text={run.status ? tx(lang, run.status) : t(lang, 'phase_loading')} inline={sharedCharts} />}
          {/* Drawn while the lesson loads too (waiting-snapshot.ts), and kept mounted when a run rebuilds its world. Their
              code loads once the worker has started TensorFlow.js: after the lesson's text, while the world is built. */}
          {sharedCharts && (live || run.backend) && (
            <Suspense fallback={null}>
              <Charts lesson={lesson} lang={lang} snapshot={live?.snapshot ?? waiting} baselines={live?.baselines ?? null} labels={labels} k={config.k} onK={(k) => update({ k })} lossScale={config.lossScale} onLossScale={(lossScale) => update({ lossScale })} />
            </Suspense>
          )}
          {live && page && (
            <Suspense fallback={null}>
              <LessonPanels page={page} lesson={lesson} lang={lang} snapshot={live.snapshot} baselines={live.baselines} labels={labels} config={config} send={session.send} />
            </Suspense>
          )}
          <ArmTable lesson={lesson} lang={lang} snapshot={snapshot} baselines={sharedCharts ? run.baselines : null} labels={labels} />
        </div>
      </section>

      {content && !present && (
        <section className="takeaways">
          <div>
            <h2>{t(lang, 'watch')}</h2>
            <WatchList watch={content.watch} lang={lang} />
          </div>
          <div>
            <h2>{t(lang, 'claim')}</h2>
            <p>{tx(lang, lesson.claim)}</p>
            <p className="muted small">
              {t(lang, 'sourceNote')}: {tx(lang, content.source)}
            </p>
          </div>
        </section>
      )}
    </main>
  );
}

/** The lesson's texts and formulas: static, so they never re-render with the training snapshots. */
const LessonIntro = memo(function LessonIntro({ lesson, content, lang, dim }: { lesson: LessonDef; content: LessonContent; lang: Lang; dim: number }) {
  return (
    <>
      <section className="idea">
        <div className="idea-text">
          <h2>{t(lang, 'idea')}</h2>
          <p>
            <RichText text={tx(lang, content.idea)} />
          </p>
        </div>
        <TowerDiagram lang={lang} dim={dim} />
      </section>
      <section className="modes">
        {content.sections.map((s) => (
          <article key={s.title.en} className="mode-card">
            <h3>
              {s.arms?.map((a) => <span key={a} className="swatch" style={{ background: armColor(lesson.armIds, a) }} />)}
              {tx(lang, s.title)}
            </h3>
            {s.blocks.map((b, i) =>
              b.kind === 'math' ? (
                <Tex key={i} tex={b.tex} display />
              ) : b.kind === 'p' ? (
                <p key={i}>
                  <RichText text={tx(lang, b.text)} />
                </p>
              ) : (
                <ul key={i}>
                  {b.items.map((it, j) => (
                    <li key={j}>
                      <RichText text={tx(lang, it)} />
                    </li>
                  ))}
                </ul>
              ),
            )}
          </article>
        ))}
      </section>
    </>
  );
});
