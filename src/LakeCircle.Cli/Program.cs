namespace LakeCircle.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return await CliApplication.RunAsync(args).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Only what fails outside the command line's own handler (such as reading the environment) reaches here.
            await CliApplication.LastResortAsync(e, Console.Error, new Dictionary<string, string?>()).ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }
}
