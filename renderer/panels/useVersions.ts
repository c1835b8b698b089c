import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { VersionSummary } from '../../shared/api/contract';
import { useEditor } from '../editor/EditorContext';
import { invoke } from '../editor/editorStore';
import { restoreVersion } from '../../shared/document/commands';

/** The open map's versions, and what a facilitator does with them. */
export function useVersions() {
  const editor = useEditor();
  const mapId = editor.store.getState().doc.id;
  const [versions, setVersions] = useState<VersionSummary[]>();
  const fail = (error: unknown) => editor.store.setState({ error: (error as Error).message });

  const refresh = useCallback(async () => {
    try {
      setVersions(await api['versions.list']({ mapId }));
    } catch (error) {
      editor.store.setState({ error: (error as Error).message });
    }
  }, [mapId, editor]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return {
    versions,
    /** Saves what is on the canvas now: pending edits are stored first. */
    async save(name: string) {
      await editor.flush();
      const saved = await api['versions.save']({ mapId, name });
      await refresh();
      return saved;
    },
    async open(version: VersionSummary) {
      try {
        const { map } = await api['versions.get']({ id: version.id });
        editor.select([]);
        editor.store.setState({ viewing: { version, map } });
      } catch (error) {
        fail(error);
      }
    },
    /** Restores as one undoable edit, after keeping the current state as a version of its own. */
    async restore(version: VersionSummary) {
      try {
        const { map } = await api['versions.get']({ id: version.id });
        await editor.flush();
        await api['versions.save']({ mapId, name: `Before restoring “${version.name}”`.slice(0, 200) });
        editor.store.setState({ viewing: undefined });
        editor.run(undefined, invoke(restoreVersion, { target: map, versionName: version.name }));
        await refresh();
      } catch (error) {
        fail(error);
      }
    },
    async remove(version: VersionSummary) {
      try {
        await api['versions.delete']({ id: version.id });
        await refresh();
      } catch (error) {
        fail(error);
      }
    },
    async load(version: VersionSummary) {
      return (await api['versions.get']({ id: version.id })).map;
    },
  };
}
