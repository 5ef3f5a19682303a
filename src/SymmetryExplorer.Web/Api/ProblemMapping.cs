using SymmetryExplorer.Compute;
using SymmetryExplorer.Web.Features.Datasets;
using SymmetryExplorer.Web.Features.Runs;

namespace SymmetryExplorer.Web.Api;

/// <summary>
/// Turns the app's expected failures into RFC 7807 problem details a person can act on:
/// bad input is 400 (with the offending field), a missing run or data set is 404.
/// </summary>
public sealed class ProblemMapping : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (InvalidInputException ex)
        {
            var extensions = new Dictionary<string, object?>();
            if (ex.Field is not null) extensions["field"] = ex.Field;
            return TypedResults.Problem(detail: ex.Message, statusCode: StatusCodes.Status400BadRequest,
                title: "The request cannot be carried out as given", extensions: extensions);
        }
        catch (Exception ex) when (ex is RunNotFoundException or DatasetNotFoundException)
        {
            return TypedResults.Problem(detail: ex.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(detail: ex.Message, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Upload too large");
        }
    }
}
