import { describe, expect, it } from 'vitest';
import { parseDocument, parseDocumentText } from '../../shared/format/document';
import { explainProblems, pathSegments } from '../../shared/format/problemWording';
import { fullDocument, minimalDocument } from './helpers';

type Doc = ReturnType<typeof fullDocument>;

/** The sentence and the technical line for a document's first problem. */
function explain(change: (doc: Doc) => void) {
  const doc = fullDocument();
  change(doc);
  const result = parseDocument(doc);
  if (result.ok) throw new Error('expected the document to be refused');
  return explainProblems(result.problems, doc)[0]!;
}

describe('a refused file, in a facilitator’s words', () => {
  it('names the card by its number and title and says what is wrong; the technical path stays beneath', () => {
    expect(explain((doc) => (doc.map.touchpoints[3]!.stageId = 'nowhere'))).toEqual({
      sentence: 'Touchpoint 4, “Cold outbound sequence”, is in a stage that isn\'t in the file.',
      technical: 'map.touchpoints[3].stageId: refers to stage "nowhere", which is not in the map',
    });
  });

  it('says which end of a reference is missing: lead, supporter, from-team, to-team, a connection’s start', () => {
    expect(explain((doc) => (doc.map.touchpoints[0]!.ownerTeamIds = ['ghost'])).sentence).toBe('Touchpoint 1, “Industry webinar series”, is led by a team that isn\'t in the file.');
    expect(explain((doc) => (doc.map.touchpoints[0]!.supportTeamIds = ['ghost'])).sentence).toBe('Touchpoint 1, “Industry webinar series”, is supported by a team that isn\'t in the file.');
    expect(explain((doc) => (doc.map.handoffs[0]!.toTeamId = 'ghost')).sentence).toBe('Handoff 1 goes to a team that isn\'t in the file.');
    expect(explain((doc) => (doc.map.handoffs[0]!.fromTeamId = 'ghost')).sentence).toBe('Handoff 1 comes from a team that isn\'t in the file.');
    expect(explain((doc) => (doc.map.connections[0]!.source = 'ghost')).sentence).toBe('Connection 1 starts at a card or handoff that isn\'t in the file.');
  });

  it('names a handoff by its teams, and explains twice-listed teams, a lead that also supports, and shared ids', () => {
    expect(explain((doc) => (doc.map.handoffs[0]!.stageId = 'gone')).sentence).toBe('Handoff 1, Marketing → Sales, is in a stage that isn\'t in the file.');
    expect(explain((doc) => (doc.map.touchpoints[0]!.ownerTeamIds = ['mkt', 'mkt'])).sentence).toBe('Touchpoint 1, “Industry webinar series”, names the same lead team twice.');
    expect(explain((doc) => (doc.map.touchpoints[0]!.supportTeamIds = [doc.map.touchpoints[0]!.ownerTeamIds[0]!])).sentence).toBe(
      'Touchpoint 1, “Industry webinar series”, names one team as both its lead and a supporter.',
    );
    expect(explain((doc) => (doc.map.touchpoints[1]!.id = doc.map.touchpoints[0]!.id)).sentence).toBe(
      'Touchpoint 2, “LinkedIn thought leadership”, has the same id as another element in the file.',
    );
  });

  it('a missing or malformed field, and problems with the file as a whole', () => {
    expect(explain((doc) => delete (doc.map.stages[2] as { name?: string }).name).sentence).toBe('Stage 3 has no name.');
    expect(explain((doc) => ((doc.map.teams[1] as { role: string }).role = 'finance')).sentence).toBe('Team 2, “Sales”: its role must be one of marketing, sales, other.');
    const explainDoc = (raw: unknown) => {
      const result = parseDocument(raw);
      return result.ok ? undefined : explainProblems(result.problems, raw)[0]!.sentence;
    };
    expect(explainDoc({ ...minimalDocument(), format: 'something/else' })).toBe('This is not a Throughline journey map file.');
    expect(explainDoc({ ...minimalDocument(), version: 9 })).toBe('The file was saved by a newer version of Throughline: update Throughline to open it.');
    expect(explainDoc([1, 2])).toBe('The file does not hold a journey map.');
    const notJson = parseDocumentText('meeting notes');
    expect(!notJson.ok && explainProblems(notJson.problems, undefined)[0]!.sentence).toBe('The file is not a journey map: it is not JSON, or it is damaged.');
  });

  it('lists at most the given number of problems', () => {
    const doc = fullDocument();
    for (const card of doc.map.touchpoints) card.stageId = 'nowhere';
    const result = parseDocument(doc);
    expect(!result.ok && explainProblems(result.problems, doc, 3)).toHaveLength(3);
  });

  it('reads a path back into its steps', () => {
    expect(pathSegments('map.touchpoints[3].ownerTeamIds[0]')).toEqual(['map', 'touchpoints', 3, 'ownerTeamIds', 0]);
    expect(pathSegments('(document)')).toEqual(['(document)']);
  });
});
