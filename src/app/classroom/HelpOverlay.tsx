import { useCallback } from 'react';
import type { Lang } from '../config';
import { Dialog } from './Dialog';
import { KEY_LIST } from './keys';
import { useClassroom } from './state';
import { ct } from './text';

/** `?`: every key, what it does. */
export function HelpOverlay({ lang }: { lang: Lang }) {
  const close = useCallback(() => useClassroom.setState({ help: false }), []);
  return (
    <Dialog title={ct(lang, 'keys')} onClose={close} closeLabel={ct(lang, 'close')} testid="shortcut-help">
      <table className="key-list">
        <tbody>
          {KEY_LIST.map((k) => (
            <tr key={k.what}>
              <th scope="row">
                {k.keys.map((key, i) => (key === '…' ? <span key={i}> … </span> : <kbd key={i}>{key}</kbd>))}
              </th>
              <td>{ct(lang, k.what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{ct(lang, 'keysNote')}</p>
    </Dialog>
  );
}
