// Take it home: a step's or the playground's code as a Node project (pure; zipped with fflate).
export { nodeProject, importedModules, packageName, type NodeProjectInput, type ProjectService } from './project';
export { zipProject } from './zip';
export { projectInput, type PageWork } from './from-page';
export { NODE_DEPENDENCIES, WORLD_DEPENDENCIES, IMAGES } from './versions';
