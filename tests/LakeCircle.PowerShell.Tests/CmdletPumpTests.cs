using LakeCircle.PowerShell.Running;

namespace LakeCircle.PowerShell.Tests;

public sealed class CmdletPumpTests
{
    [Test]
    public void Messages_of_the_worker_are_delivered_on_the_calling_thread_before_the_result()
    {
        using var pump = new CmdletPump();
        var caller = Environment.CurrentManagedThreadId;
        var delivered = new List<(string Text, int Thread)>();

        var result = pump.Run(
            async token =>
            {
                await Task.Yield();
                for (var i = 0; i < 100; i++)
                {
                    pump.Post(new PumpMessage(PumpStream.Verbose, $"m{i}"));
                }

                return 42;
            },
            m => delivered.Add((m.Text, Environment.CurrentManagedThreadId)));

        result.Should().Be(42);
        delivered.Select(d => d.Text).Should().Equal(Enumerable.Range(0, 100).Select(i => $"m{i}"));
        delivered.Should().OnlyContain(d => d.Thread == caller);
    }

    [Test]
    public void The_worker_s_exception_comes_out_of_run_after_its_messages()
    {
        using var pump = new CmdletPump();
        var delivered = new List<string>();

        var act = () => pump.Run<int>(
            _ =>
            {
                pump.Post(new PumpMessage(PumpStream.Warning, "before"));
                throw new IOException("disk");
            },
            m => delivered.Add(m.Text));

        act.Should().Throw<IOException>().WithMessage("disk");
        delivered.Should().Equal("before");
    }

    [Test]
    public void Stop_cancels_the_call_in_flight()
    {
        using var pump = new CmdletPump();
        using var started = new ManualResetEventSlim();
        _ = Task.Run(() =>
        {
            started.Wait();
            pump.Stop();
        });

        var act = () => pump.Run(
            async token =>
            {
                started.Set();
                await Task.Delay(TimeSpan.FromMinutes(1), token);
                return 0;
            },
            _ => { });

        act.Should().Throw<OperationCanceledException>();
        pump.IsStopping.Should().BeTrue();
    }

    [Test]
    public void A_failed_delivery_lets_the_call_finish_then_rethrows()
    {
        using var pump = new CmdletPump();
        var finished = false;

        var act = () => pump.Run(
            async token =>
            {
                pump.Post(new PumpMessage(PumpStream.Verbose, "x"));
                try
                {
                    await Task.Delay(TimeSpan.FromMinutes(1), token);
                }
                catch (OperationCanceledException)
                {
                    // The run record would be written here.
                    finished = true;
                }

                return 0;
            },
            _ => throw new InvalidOperationException("pipeline stopped"));

        act.Should().Throw<InvalidOperationException>();
        finished.Should().BeTrue();
    }
}
