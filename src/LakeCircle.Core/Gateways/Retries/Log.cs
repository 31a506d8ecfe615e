using Microsoft.Extensions.Logging;

namespace LakeCircle.Core.Gateways.Retries;

/// <summary>The log events of the retries (<see cref="RetryPolicy"/>, under <see cref="RetryingS3Gateway"/> and the endpoint store's retries): the failure's message only, never credentials.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 140, Level = LogLevel.Warning, Message = "{Operation} attempt {Attempt} of {MaxAttempts} failed, retrying in {DelayMs} ms: {Error}")]
    public static partial void Retrying(this ILogger logger, string operation, int attempt, int maxAttempts, long delayMs, string error);

    [LoggerMessage(EventId = 141, Level = LogLevel.Warning, Message = "{Operation} failed after {Attempts} attempts: {Error}")]
    public static partial void GaveUp(this ILogger logger, string operation, int attempts, string error);
}
