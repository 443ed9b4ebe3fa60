namespace SyncHire.Gateway.Interviews;

/// <summary>Interview ids as the gateway issues them, and the shape it accepts back from clients.</summary>
public static class InterviewId
{
    private const int MaxLength = 64;

    public static string New() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// True for ids that could name an interview (letters, digits, '-' and '_'). Anything else is answered with 404
    /// without asking the cluster, so junk in a URL never activates a grain.
    /// </summary>
    public static bool IsWellFormed(string id)
    {
        if (id.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
