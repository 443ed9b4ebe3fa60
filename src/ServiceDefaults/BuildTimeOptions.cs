using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace SyncHire.ServiceDefaults;

/// <summary>
/// Options a host needs before its service container exists (which database, which clustering): bound from the
/// same section and checked by the same validator as the <c>IOptions&lt;T&gt;</c> registration, so a bad setting
/// fails with the same message whether it is read at build time or at start.
/// </summary>
public static class BuildTimeOptions
{
    /// <exception cref="OptionsValidationException">The validator refused the section.</exception>
    public static T Read<T>(IConfiguration configuration, string sectionName, IValidateOptions<T> validator)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new T();
        configuration.GetSection(sectionName).Bind(options);
        var result = validator.Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(T), result.Failures);
        }

        return options;
    }
}
