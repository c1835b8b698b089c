import { ApiError } from '../../shared/api/contract';
import type { JourneyMap } from '../../shared/model/journeyMap';
import type { Handlers } from '../api/handlerTypes';
import type { ExportedFile } from './exporter';
import { ExportFailed, ExportQueueFull, UnknownExportJob, exportJobs, type ExportJobs } from './exportJobs';
import type { ExportRequest } from './workerProtocol';

type ExportHandlers = Pick<Handlers, 'maps.exportFile' | 'maps.exportStart' | 'maps.exportStatus'>;
type ExportInput = Omit<ExportRequest, 'map' | 'now'> & { id: string };

const encode = (file: ExportedFile) => ({ fileName: file.fileName, mimeType: file.mimeType, base64: file.data.toString('base64') });

/** The job queue's refusals, as the API's: each keeps a message the user can act on. */
function asApiError(error: unknown): unknown {
  if (error instanceof ExportQueueFull) return new ApiError('unavailable', 'Too many exports are waiting. Try again when the current ones are done.');
  if (error instanceof UnknownExportJob) return new ApiError('not-found', `${error.message} It was collected already, or Throughline restarted since.`);
  if (error instanceof ExportFailed) return new ApiError('internal', error.message);
  return error;
}

/**
 * The export channels. The map is read when the export is asked for, so the file shows the map as it was
 * then, whatever is edited while it is drawn.
 */
export function createExportHandlers(getMap: (id: string) => JourneyMap, jobs: ExportJobs = exportJobs): ExportHandlers {
  const request = ({ id, format, view, scale }: ExportInput): ExportRequest => ({ map: getMap(id), format, view, scale, now: new Date().toISOString() });
  return {
    /** The whole export in one call, for callers that do not show progress. */
    'maps.exportFile': async (input) => {
      try {
        return encode(await jobs.run(request(input)));
      } catch (error) {
        throw asApiError(error);
      }
    },
    'maps.exportStart': (input) => {
      try {
        return { jobId: jobs.start(request(input)) };
      } catch (error) {
        throw asApiError(error);
      }
    },
    'maps.exportStatus': ({ jobId }) => {
      try {
        const status = jobs.status(jobId);
        if (status.state === 'failed') throw new ExportFailed(status.failure);
        return { done: status.state === 'done', fraction: status.progress.fraction, stage: status.progress.stage, file: status.file && encode(status.file) };
      } catch (error) {
        throw asApiError(error);
      }
    },
  };
}
