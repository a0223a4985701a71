using YamlDotNet.Core;

namespace StaticBriefs.Loading.Yaml;

/// <summary>YAML that parses but breaks a limit or a rule of StaticBriefs (a key that is not text); carries its code.</summary>
public sealed class YamlLimitException : YamlException
{
    /// <summary>Creates the exception at a position of the YAML text.</summary>
    public YamlLimitException(Mark start, Mark end, string code, string message)
        : base(start, end, message)
    {
        Code = code;
        Reason = message;
    }

    /// <summary>Creates an exception without a position.</summary>
    public YamlLimitException(string message)
        : base(message)
    {
        Code = Diagnostics.DiagnosticCodes.YamlLimit;
        Reason = message;
    }

    /// <summary>Creates an exception without a position, wrapping another.</summary>
    public YamlLimitException(string message, Exception inner)
        : base(message, inner)
    {
        Code = Diagnostics.DiagnosticCodes.YamlLimit;
        Reason = message;
    }

    /// <summary>SB037 (a limit) or SB038 (a key).</summary>
    public string Code { get; }

    /// <summary>What is wrong, without YamlDotNet's position prefix.</summary>
    public string Reason { get; }
}
