using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace SyncHire.Platform.Interviews;

/// <summary>
/// The keyset position after the last row of a page: (CreatedAt ms, InterviewId), base64url-encoded so callers
/// treat it as opaque. A keyset rather than an offset keeps pages stable while new interviews are created.
/// </summary>
internal readonly record struct InterviewCursor(long CreatedAtMs, string InterviewId)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{CreatedAtMs}:{InterviewId}")));

    /// <summary>Throws <see cref="ArgumentException"/> (parameter "cursor") for anything this class did not produce.</summary>
    public static InterviewCursor Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var separator = text.IndexOf(':', StringComparison.Ordinal);
            if (separator > 0
                && long.TryParse(text.AsSpan(0, separator), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var createdAtMs)
                && separator < text.Length - 1)
            {
                return new InterviewCursor(createdAtMs, text[(separator + 1)..]);
            }
        }
        catch (FormatException)
        {
            // Falls through to the one error callers see.
        }

        throw new ArgumentException("The cursor is not one this service issued.", nameof(cursor));
    }
}
