namespace FunctionsCloud.Application.Services;

/// <summary>POST /api/app/v1/service/: creates the service Not running; <c>.../start/</c> deploys it.</summary>
public sealed record CreateServiceRequest : ServiceFieldsRequest
{
    /// <summary>Defaults to the image's name ("tutum/hello-world" gives "hello-world"), numbered when taken.</summary>
    public string? Name { get; init; }

    /// <summary>What Docker Cloud's clients send for the image (answers show image_name): either field, or both alike.</summary>
    public string? Image { get; init; }
}
