// Keeps the .NET SDK (~/.dotnet) and the NuGet packages between deploys, so a build does not download them again.
const os = require('os');
const path = require('path');

const paths = [path.join(os.homedir(), '.dotnet'), path.join(os.homedir(), '.nuget', 'packages')];

module.exports = {
  async onPreBuild({ utils }) {
    await utils.cache.restore(paths);
  },
  async onPostBuild({ utils }) {
    await utils.cache.save(paths);
  },
};
