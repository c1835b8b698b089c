import './votes.css';

/** How many dot votes, in words: what a screen reader says for the badge. */
export const votesText = (votes: number) => `${votes} ${votes === 1 ? 'vote' : 'votes'}`;

/** The dot-vote count on a card or note ("● 3"), read as "3 votes"; nothing when it has none. */
export function VoteBadge({ votes }: { votes: number | undefined }) {
  if (!votes) return null;
  return (
    <span className="vote-badge" role="img" aria-label={votesText(votes)} title={votesText(votes)}>
      <span aria-hidden="true">● {votes}</span>
    </span>
  );
}
