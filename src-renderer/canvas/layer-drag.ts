/** The drag-and-drop MIME type that carries a layer kind from the palette to the canvas. */
export const LAYER_MIME = 'application/x-convas-layer';
