using FunctionsCloud.Domain.Repositories;

namespace FunctionsCloud.Domain.Tests.Repositories;

public sealed class RegistryRepositoryTests
{
    [Theory]
    [InlineData("registry.example.com/team/app", "registry.example.com", "team/app", "registry.example.com/team/app")]
    [InlineData("Registry.Example.com:5000/team/app", "registry.example.com:5000", "team/app", "registry.example.com:5000/team/app")]
    [InlineData("localhost/app", "localhost", "app", "localhost/app")]
    [InlineData("127.0.0.1:5000/team/sub/app", "127.0.0.1:5000", "team/sub/app", "127.0.0.1:5000/team/sub/app")]
    [InlineData("team/app", "docker.io", "team/app", "team/app")]
    [InlineData("nginx", "docker.io", "library/nginx", "nginx")]
    [InlineData("docker.io/library/nginx", "docker.io", "library/nginx", "nginx")]
    [InlineData("index.docker.io/team/app", "docker.io", "team/app", "team/app")]
    public void A_name_gives_its_registry_and_path_and_one_spelling(string text, string registry, string path, string name)
    {
        var repository = RegistryRepository.Parse(text, out var problem);

        Assert.Null(problem);
        Assert.Equal((registry, path, name), (repository!.Registry, repository.Path, repository.Name));
        Assert.Equal(repository, RegistryRepository.OfCanonical(repository.Canonical));
        Assert.Equal(repository, RegistryRepository.Parse(repository.Name, out _));
    }

    [Theory]
    [InlineData("registry.example.com/team/app:v2", "tag or digest")]
    [InlineData("team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "tag or digest")]
    [InlineData("Team/App", "not an image reference")]
    [InlineData("", "required")]
    [InlineData(null, "required")]
    public void What_is_not_a_repository_is_refused_saying_why(string? text, string reason)
    {
        Assert.Null(RegistryRepository.Parse(text, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("registry.example.com/team/app:v2", "registry.example.com/team/app")]
    [InlineData("127.0.0.1:5000/team/app", "127.0.0.1:5000/team/app")]
    [InlineData("nginx:1.27", "nginx")]
    [InlineData("team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "team/app")]
    public void An_image_is_pulled_from_the_repository_of_its_name(string image, string repository) =>
        Assert.Equal(repository, RegistryRepository.OfImage(image).Name);

    [Fact]
    public void Credentials_go_to_the_registry_and_docker_hubs_to_its_index() =>
        Assert.Equal(("https://index.docker.io/v1/", "registry.example.com:5000"),
            (RegistryRepository.OfImage("team/app").ServerAddress, RegistryRepository.OfImage("registry.example.com:5000/app").ServerAddress));
}
