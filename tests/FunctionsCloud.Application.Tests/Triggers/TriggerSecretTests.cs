using FunctionsCloud.Application.Triggers;

namespace FunctionsCloud.Application.Tests.Triggers;

public class TriggerSecretTests
{
    [Fact]
    public void A_new_secret_is_well_formed_prefixed_and_unique()
    {
        var (one, two) = (TriggerSecret.New(), TriggerSecret.New());
        Assert.True(TriggerSecret.IsWellFormed(one));
        Assert.StartsWith(TriggerSecret.Prefix, one);
        Assert.NotEqual(one, two);
        Assert.NotEqual(TriggerSecret.Hash(one), TriggerSecret.Hash(two));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("fctr_")]
    [InlineData("fctr_short")]
    [InlineData("fct_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("fctr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!A")]
    public void Anything_else_is_not(string? text) => Assert.False(TriggerSecret.IsWellFormed(text));

    [Fact]
    public void The_hash_is_not_the_secret()
    {
        var secret = TriggerSecret.New();
        Assert.DoesNotContain(secret[TriggerSecret.Prefix.Length..], TriggerSecret.Hash(secret));
    }
}
