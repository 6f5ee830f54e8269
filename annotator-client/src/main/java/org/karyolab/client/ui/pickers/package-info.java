/**
 * Label pickers of the editor's side panel beside the class palette: the cluster type of the Lin 2021
 * scheme and the annotator's own review status (draft / submitted), each with keys, one undo step per pick.
 */
package org.karyolab.client.ui.pickers;
