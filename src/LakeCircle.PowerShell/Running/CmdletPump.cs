using System.Collections.Concurrent;

namespace LakeCircle.PowerShell.Running;

/// <summary>
/// Runs the client's asynchronous calls off the pipeline thread while delivering their messages on it: a cmdlet may
/// write to its streams only from the thread that called it, and the client logs from its worker threads. Messages
/// queued from any thread wait until the pipeline thread takes them (<see cref="Run{T}"/> while a call runs,
/// <see cref="Flush"/> otherwise). <see cref="Stop"/> (from <c>StopProcessing</c>, on another thread) cancels the call
/// in flight.
/// </summary>
internal sealed class CmdletPump : IDisposable
{
    /// <summary>How long a call is given to finish (its run record, the lock's release) after delivering failed.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<PumpMessage> _messages = new();
    private readonly SemaphoreSlim _signal = new(0);

    /// <summary>Whether <see cref="Stop"/> was called.</summary>
    public bool IsStopping => _stop.IsCancellationRequested;

    /// <summary>The token <see cref="Stop"/> cancels.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Queues a message for the pipeline thread (any thread may call it).</summary>
    /// <param name="message">The message.</param>
    public void Post(PumpMessage message)
    {
        _messages.Enqueue(message);
        Signal();
    }

    /// <summary>Delivers the messages queued so far (on the pipeline thread).</summary>
    /// <param name="deliver">Writes one message to its stream.</param>
    public void Flush(Action<PumpMessage> deliver)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        while (_messages.TryDequeue(out var message))
        {
            deliver(message);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the thread pool and hands every message queued meanwhile to
    /// <paramref name="deliver"/> on the calling thread, until it ends; then returns its result or throws its exception.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="work">The call, given the token that <see cref="Stop"/> cancels.</param>
    /// <param name="deliver">Writes one message to its stream (on the calling thread).</param>
    /// <returns>The call's result.</returns>
    public T Run<T>(Func<CancellationToken, Task<T>> work, Action<PumpMessage> deliver)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(deliver);
        var task = Task.Run(() => work(_stop.Token));
        _ = task.ContinueWith(_ => Signal(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            while (true)
            {
                _signal.Wait();
                var done = task.IsCompleted;
                Flush(deliver);
                if (done)
                {
                    break;
                }
            }
        }
        catch
        {
            // Delivering failed (the pipeline is stopping): let the call end first, so that a writing run still writes
            // its record and releases the lock.
            _stop.Cancel();
            try
            {
                task.Wait(DrainTimeout);
            }
            catch (AggregateException)
            {
                // The call's own failure is not the one to report.
            }

            throw;
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>Wakes the pipeline thread; a call still running after the cmdlet gave up on it finds no one to wake.</summary>
    private void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (ObjectDisposedException)
        {
            // The cmdlet is gone.
        }
    }

    /// <summary>Cancels the call in flight, and any later one.</summary>
    public void Stop() => _stop.Cancel();

    public void Dispose()
    {
        _stop.Dispose();
        _signal.Dispose();
    }
}
