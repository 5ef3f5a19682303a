# Symmetry Explorer: web app (Blazor Server) and the symx CLI in one image, CPU backend.
#   docker build -t symmetry-explorer .
#   docker run -p 8080:8080 -v symx-data:/data symmetry-explorer
# The .NET 10 images are Ubuntu 24.04 based, whose libstdc++ is new enough for TorchSharp 0.107.0.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json nuget.config Directory.Build.props Directory.Packages.props ./
COPY src/SymmetryExplorer.Compute/SymmetryExplorer.Compute.csproj src/SymmetryExplorer.Compute/
COPY src/SymmetryExplorer.Web/SymmetryExplorer.Web.csproj src/SymmetryExplorer.Web/
COPY src/SymmetryExplorer.Cli/SymmetryExplorer.Cli.csproj src/SymmetryExplorer.Cli/
RUN dotnet restore src/SymmetryExplorer.Web/SymmetryExplorer.Web.csproj -r linux-x64 \
 && dotnet restore src/SymmetryExplorer.Cli/SymmetryExplorer.Cli.csproj -r linux-x64
COPY appsettings.json ./
COPY wwwroot/ wwwroot/
COPY src/ src/
# linux-x64 only: libtorch natives for the other platforms would add ~600 MB.
RUN dotnet publish src/SymmetryExplorer.Web/SymmetryExplorer.Web.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app \
 && dotnet publish src/SymmetryExplorer.Cli/SymmetryExplorer.Cli.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The images ship a non-root user 'app' (uid 1654); the data directory is a volume it owns.
RUN mkdir -p /data && chown app:app /data
ENV Urls=http://0.0.0.0:8080 \
    Storage__DataDirectory=/data \
    Compute__Device=auto
VOLUME ["/data"]
EXPOSE 8080
USER app
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD ["dotnet", "symx.dll", "info", "--json"]
ENTRYPOINT ["dotnet", "SymmetryExplorer.Web.dll"]
