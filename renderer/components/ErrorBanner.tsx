interface ErrorBannerProps {
  message: string | undefined;
  onDismiss: () => void;
}

/** Failures are said where the user is looking, in words, and stay until dismissed. */
export function ErrorBanner({ message, onDismiss }: ErrorBannerProps) {
  if (!message) return null;
  return (
    <div className="error-banner" role="alert">
      <p>{message}</p>
      <button type="button" className="button ghost" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
