/** Vite's `?worker` import: the module's default export constructs the worker. */
declare module '*?worker' {
  const WorkerConstructor: new (options?: { name?: string }) => Worker;
  export default WorkerConstructor;
}

/** Vite's `?url` import: the URL of the file in the built extension. */
declare module '*?url' {
  const url: string;
  export default url;
}
