namespace FunctionsCloud.Cli.Runtime;

/// <summary>What <c>fc</c> exits with: one code per kind of failure, so that scripts can tell them apart.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>With <c>--sync</c>: the action ended Failed or Canceled.</summary>
    public const int ActionFailed = 1;

    /// <summary>The command line itself is wrong (unknown flag, missing argument, malformed number): nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>The API refused the input (400 and the other 4xx not named below).</summary>
    public const int BadInput = 3;

    /// <summary>No credentials, or the API refused them (401, 403).</summary>
    public const int Unauthorized = 4;

    /// <summary>No object by that name or uuid (or a 404).</summary>
    public const int NotFound = 5;

    /// <summary>A name or uuid prefix that matches more than one object.</summary>
    public const int Ambiguous = 6;

    /// <summary>409: another operation is in flight on the object, or its state does not allow this one.</summary>
    public const int Conflict = 7;

    /// <summary>The API failed or is busy (5xx, 429).</summary>
    public const int ServerError = 8;

    /// <summary>Nothing answered at the URL (or it timed out).</summary>
    public const int Unreachable = 9;

    /// <summary>A fault of fc's own (a bug): the message says what, without a stack trace.</summary>
    public const int Unexpected = 70;

    /// <summary>Interrupted with Ctrl+C, as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
