import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Panel } from '../../../entrypoints/tagger-ui/Panel';
import { initialView, type TaggerActions } from '../../../lib/tagger/view';

afterEach(cleanup);

describe('the tagger panel', () => {
  it('is moved by its header: a drag starts from a pointer down on it', () => {
    const dragged: EventTarget[] = [];
    const actions = {
      startDrag: (e: PointerEvent) => dragged.push(e.currentTarget!),
    } as Partial<TaggerActions> as TaggerActions;
    render(
      <Panel view={{ ...initialView(true), phase: 'panel' }} actions={actions} hidden={false} />,
    );
    const panel = screen.getByTestId('tagger-panel');
    fireEvent.pointerDown(panel.querySelector('.panel-head')!);
    expect(dragged).toEqual([panel.querySelector('.panel-head')]);
  });
});
