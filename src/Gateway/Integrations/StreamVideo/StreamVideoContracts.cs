namespace SyncHire.Gateway.Integrations.StreamVideo;

// The request and response bodies of the Stream Video server-side API this gateway uses, named as the API names
// them (GetStream/stream-node: UpdateUsersRequest, GetOrCreateCallRequest, CallRequest, MemberRequest, ...).
// Only the fields the gateway sends or reads are declared; the rest of each answer is ignored.
// Wire names are these names in snake_case (IntegrationRefitSettings.SnakeCaseJson); dictionary keys are sent as they are.

/// <summary>POST /api/v2/users: creates or replaces users, keyed by id.</summary>
public sealed record UpsertUsersRequest(IReadOnlyDictionary<string, StreamUser> Users);

public sealed record StreamUser(string Id, string? Name = null, string? Role = null);

public sealed record UpsertUsersResponse(IReadOnlyDictionary<string, StreamUser> Users);

/// <summary>POST /api/v2/video/call/{type}/{id}: gets the call, creating it with <see cref="Data"/> if it does not exist.</summary>
public sealed record GetOrCreateCallRequest(CallRequest Data);

public sealed record CallRequest(string CreatedById, IReadOnlyList<CallMember> Members, IReadOnlyDictionary<string, string>? Custom = null);

public sealed record CallMember(string UserId, string? Role = null);

public sealed record GetOrCreateCallResponse(CallResponse Call, bool Created);

/// <param name="Cid">"type:id", the call's full id.</param>
public sealed record CallResponse(string Cid, string Id, string Type);
