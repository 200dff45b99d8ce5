import { Component } from '@angular/core';

@Component({
  selector: 'kg-web-council-feature',
  imports: [],
  templateUrl: './web-council-feature.html',
  styleUrl: './web-council-feature.css',
})
export class WebCouncilFeature {}
