using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace FunctionsCloud.Providers.Http;

/// <summary>What a provider's sessions share: its name in messages, its JSON conventions, its retry policy, the clock.</summary>
public sealed record ProviderHttpSettings(string Label, JsonSerializerOptions Json, ProviderHttpPolicy Policy, IProviderClock Clock, ILogger Logger);
