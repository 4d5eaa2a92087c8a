/** uPlot's stylesheet, loaded with the library (components/TrendLine.tsx); the admin's bundler takes CSS imports. */
declare module 'uplot/dist/uPlot.min.css';
