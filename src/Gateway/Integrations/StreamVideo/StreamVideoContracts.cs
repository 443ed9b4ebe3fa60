using System.Text.Json.Serialization;

namespace SyncHire.Gateway.Integrations.StreamVideo;

// The request and response bodies of the Stream Video server-side API this gateway uses, named as the API names
// them (GetStream/stream-node: UpdateUsersRequest, GetOrCreateCallRequest, CallRequest, MemberRequest, ...).
// Only the fields the gateway sends or reads are declared; the rest of each answer is ignored.

/// <summary>POST /api/v2/users: creates or replaces users, keyed by id.</summary>
public sealed record UpsertUsersRequest([property: JsonPropertyName("users")] IReadOnlyDictionary<string, StreamUser> Users);

public sealed record StreamUser(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("role")] string? Role = null);

public sealed record UpsertUsersResponse([property: JsonPropertyName("users")] IReadOnlyDictionary<string, StreamUser> Users);

/// <summary>POST /api/v2/video/call/{type}/{id}: gets the call, creating it with <see cref="Data"/> if it does not exist.</summary>
public sealed record GetOrCreateCallRequest([property: JsonPropertyName("data")] CallRequest Data);

public sealed record CallRequest(
    [property: JsonPropertyName("created_by_id")] string CreatedById,
    [property: JsonPropertyName("members")] IReadOnlyList<CallMember> Members,
    [property: JsonPropertyName("custom")] IReadOnlyDictionary<string, string>? Custom = null);

public sealed record CallMember(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("role")] string? Role = null);

public sealed record GetOrCreateCallResponse(
    [property: JsonPropertyName("call")] CallResponse Call,
    [property: JsonPropertyName("created")] bool Created);

/// <param name="Cid">"type:id", the call's full id.</param>
public sealed record CallResponse(
    [property: JsonPropertyName("cid")] string Cid,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type);
