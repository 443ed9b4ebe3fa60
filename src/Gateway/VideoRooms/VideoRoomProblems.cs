using Microsoft.AspNetCore.Http.HttpResults;
using SyncHire.Gateway.Errors;
using SyncHire.Gateway.Integrations;

namespace SyncHire.Gateway.VideoRooms;

internal static class VideoRoomProblems
{
    /// <summary>501: this deployment has not set the integration's keys. Names the settings, never their values.</summary>
    public static ProblemHttpResult NotConfigured(string service, string settings) =>
        Problems.Of(StatusCodes.Status501NotImplemented, ApiErrorCodes.IntegrationNotConfigured,
            $"{service} is not configured", $"This server has no {service} integration; its operator sets {settings} to enable it.");

    /// <summary>502: the upstream service failed. Says which and its status, never what it answered.</summary>
    public static ProblemHttpResult UpstreamFailed(IntegrationException failure) =>
        Problems.Of(StatusCodes.Status502BadGateway, ApiErrorCodes.IntegrationFailed, $"{failure.Service} request failed",
            failure.UpstreamStatus is { } status
                ? $"{failure.Service} answered HTTP {status}. Retry later; if it persists, check the integration's settings."
                : $"{failure.Service} could not be reached or did not answer in time. Retry later.");

    public static ProblemHttpResult NoTavusConversation(string interviewId) =>
        Problems.Of(StatusCodes.Status404NotFound, ApiErrorCodes.TavusConversationNotFound, "No Tavus conversation",
            $"Interview '{interviewId}' has no open Tavus conversation.");
}
