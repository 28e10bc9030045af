using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace RagPapers.Testing.Qdrant;

/// <summary>
/// Around every call: records it, applies the next fault, checks the api-key as Qdrant does (every method but the
/// health check needs it when the server has one) and turns a <see cref="StandInError"/> into Qdrant's status.
/// </summary>
internal sealed class StandInInterceptor(StandInState state) : Interceptor
{
    private const string HealthCheck = "/qdrant.Qdrant/HealthCheck";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var key = context.RequestHeaders.GetValue("api-key") ?? BearerToken(context.RequestHeaders.GetValue("authorization"));
        state.Calls.Enqueue(new RecordedCall(context.Method.TrimStart('/').Replace("qdrant.", "", StringComparison.Ordinal), ((IMessage)request).ToByteArray(), key));
        if (state.Faults.TryTake(out var fault))
        {
            if (fault.Code is { } code)
            {
                throw new RpcException(new Status(code, $"Service Unavailable: injected fault {code}"));
            }

            await Task.Delay(fault.Delay, context.CancellationToken);
        }

        if (state.ApiKey is not null && context.Method != HealthCheck)
        {
            CheckKey(key);
        }

        try
        {
            return await continuation(request, context);
        }
        catch (StandInError error)
        {
            if (error.IsUnsupported)
            {
                state.Violations.Enqueue($"{context.Method}: {error.Message}");
            }

            throw new RpcException(new Status(error.Code, error.Message));
        }
    }

    private void CheckKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Must provide an API key or an Authorization bearer token"));
        }

        if (key != state.ApiKey)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Invalid API key or JWT"));
        }
    }

    private static string? BearerToken(string? authorization) =>
        authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true ? authorization[7..] : null;
}
