namespace SyncHire.Gateway.Tokens;

/// <summary>The outcome of checking a candidate token against the interview it is presented for.</summary>
public enum TokenCheck
{
    Valid,
    /// <summary>No token was presented.</summary>
    Missing,
    /// <summary>Not a token we signed (garbage, tampered, wrong key, issuer or audience).</summary>
    Invalid,
    /// <summary>Ours, but past its expiry: the platform should issue a fresh one.</summary>
    Expired,
    /// <summary>Ours and current, but for a different interview.</summary>
    WrongInterview,
}
