import { useEffect } from 'react';
import { api, watchRoom } from '../api/client';
import { accessEnded } from '../api/roomPass';
import { MAX_PRESENCE_SELECTION } from '../../shared/api/room';
import type { Editor, EditorState } from '../editor/editorStore';
import { stopPresenting } from '../editor/presenting';
import { canEdit, isParticipantWindow, roomStore, type RoomView } from './roomStore';

const PRESENCE_DELAY_MS = 80;
export const VIEW_ONLY_MESSAGE = 'Your role is “Can view”: you can follow along, select and vote, but not change the map.';

const sharedHere = (view: RoomView, mapId: string) => view.room?.sharing === true && view.room.mapId === mapId;

/**
 * Joins the open map's window to the room session: follows the room's state, shows this window's
 * selection to the others, tells the room which stage the facilitator presents, lets a participant
 * follow it, and makes a view-only participant's editor read-only.
 */
export function useRoomSession(editor: Editor, mapId: string): void {
  useEffect(() => {
    const stopWatching = watchRoom({
      onEvent: (event) => (event.type === 'ended' ? roomStore.setState({ ended: event.reason }) : roomStore.setState({ room: event.state })),
    });
    const stopListening = accessEnded.listen(() => roomStore.setState({ ended: 'The facilitator stopped sharing this map.' }));
    return () => {
      stopWatching();
      stopListening();
    };
  }, []);

  // Presence: my selection, a moment after it changes, while the map is shared.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let sent = '';
    const send = () => {
      if (!sharedHere(roomStore.getState(), mapId)) return;
      const selection = [...editor.store.getState().selection].slice(0, MAX_PRESENCE_SELECTION);
      const key = selection.join(',');
      if (key === sent) return;
      sent = key;
      api['room.presence']({ selection }).catch(() => (sent = ''));
    };
    const stopEditor = editor.store.subscribe((state, previous) => {
      if (state.selection === previous.selection) return;
      clearTimeout(timer);
      timer = setTimeout(send, PRESENCE_DELAY_MS);
    });
    const stopRoom = roomStore.subscribe((view, previous) => {
      if (sharedHere(view, mapId) && !sharedHere(previous, mapId)) {
        sent = '';
        send();
      }
    });
    return () => {
      clearTimeout(timer);
      stopEditor();
      stopRoom();
    };
  }, [editor, mapId]);

  useEffect(() => (isParticipantWindow ? followFacilitator(editor) : announcePresenting(editor, mapId)), [editor, mapId]);
}

const presentingOf = (state: EditorState) => (state.presenting ? { stageId: state.doc.stageOrder[state.presentStageIndex] ?? '', page: state.presentPage } : null);

/** Facilitator: the stage on the shared screen, for participants who follow. */
function announcePresenting(editor: Editor, mapId: string): () => void {
  let sent = '';
  const send = () => {
    if (!sharedHere(roomStore.getState(), mapId)) return;
    const presenting = presentingOf(editor.store.getState());
    const key = JSON.stringify(presenting);
    if (key === sent || presenting?.stageId === '') return;
    sent = key;
    api['room.present']({ presenting }).catch(() => (sent = ''));
  };
  const stopEditor = editor.store.subscribe((state, previous) => {
    if (state.presenting !== previous.presenting || state.presentStageIndex !== previous.presentStageIndex || state.presentPage !== previous.presentPage) send();
  });
  const stopRoom = roomStore.subscribe((view, previous) => {
    if (sharedHere(view, mapId) && !sharedHere(previous, mapId)) {
      sent = '';
      send();
    }
  });
  return () => {
    stopEditor();
    stopRoom();
  };
}

/** Participant: go where the facilitator presents while following; leaving Present stops following. */
function followFacilitator(editor: Editor): () => void {
  let applying = false;
  const apply = () => {
    const view = roomStore.getState();
    const state = editor.store.getState();
    editor.store.setState({ readOnly: canEdit(view) ? undefined : VIEW_ONLY_MESSAGE });
    const presenting = view.room?.presenting;
    if (!view.following) return;
    applying = true;
    try {
      if (presenting) {
        const index = state.doc.stageOrder.indexOf(presenting.stageId);
        if (index < 0) return;
        if (!state.presenting || state.presentStageIndex !== index || state.presentPage !== presenting.page) {
          editor.store.setState({ presenting: true, presentStageIndex: index, presentPage: presenting.page, presentScale: state.presentStageIndex === index ? state.presentScale : 1, viewing: undefined });
        }
      } else if (state.presenting) {
        stopPresenting(editor);
      }
    } finally {
      applying = false;
    }
  };
  const stopRoom = roomStore.subscribe(apply);
  const stopEditor = editor.store.subscribe((state, previous) => {
    // Leaving the presentation (Escape, Exit) while the facilitator presents: look around on one's own.
    if (!applying && previous.presenting && !state.presenting && roomStore.getState().room?.presenting) roomStore.setState({ following: false });
  });
  apply();
  return () => {
    stopRoom();
    stopEditor();
  };
}

/** Participant: back to following the facilitator's presentation. */
export function followAgain(): void {
  roomStore.setState({ following: true });
}
